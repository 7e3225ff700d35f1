namespace SoxAuto.Cli;

/// <summary>
/// What a command may touch outside itself: its output writers, the clock, environment variables and the working
/// folder. Tests pass their own, so commands never reach for <see cref="Console"/> or <see cref="DateTime.UtcNow"/>.
/// </summary>
internal sealed record CliEnvironment(
    TextWriter Output,
    TextWriter Error,
    TimeProvider Time,
    Func<string, string?> Variable,
    bool IsTerminal)
{
    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        TimeProvider.System,
        Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected);

    public bool DebugEnabled => Variable("SOXAUTO_DEBUG") is "1" or "true";
}
