namespace SoxAuto.Core.Runs;

/// <summary>Settings given as command-line flags; null means "not given".</summary>
public sealed record SettingsOverrides(string? Region = null, string? Workgroup = null, string? OutputLocation = null, string? AthenaCatalog = null)
{
    public static SettingsOverrides None { get; } = new();
}
