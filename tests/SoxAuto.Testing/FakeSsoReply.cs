namespace SoxAuto.Testing;

/// <summary>How a device-code <c>/token</c> call is answered; the queue is consumed in order, then <see cref="Success"/>.</summary>
public enum FakeSsoReply
{
    Success,
    SuccessWithoutRefreshToken,
    Pending,
    SlowDown,
    Expired,
    AccessDenied,
}
