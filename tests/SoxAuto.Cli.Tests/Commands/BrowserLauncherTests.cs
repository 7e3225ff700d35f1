using SoxAuto.Cli.Commands;

namespace SoxAuto.Cli.Tests.Commands;

public sealed class BrowserLauncherTests
{
    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public void OnlyWebPagesAreEverOpened(string url)
    {
        Assert.False(BrowserLauncher.TryOpen(url, _ => ":0"));
    }

    [Fact]
    public void OnLinuxWithoutADisplay_NothingIsStarted()
    {
        if (OperatingSystem.IsLinux())
        {
            Assert.False(BrowserLauncher.TryOpen("https://device.sso.eu-west-1.amazonaws.com/", _ => null));
        }
    }
}
