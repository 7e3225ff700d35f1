namespace SoxAuto.Testing;

/// <summary>A clock that says what the test tells it; <see cref="Advance"/> moves it forward.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
