using SoxAuto.Aws.Connection;

namespace SoxAuto.Aws.Tests.Connection;

public sealed class AwsEndpointResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void NoOverride_UsesTheRegionalEndpoint()
    {
        AwsEndpointResolver resolver = new(null, Env());

        Assert.Equal(new Uri("https://athena.eu-west-1.amazonaws.com/"), resolver.EndpointFor(AwsService.Athena, "eu-west-1"));
        Assert.Equal(new Uri("https://athena.cn-north-1.amazonaws.com.cn/"), resolver.EndpointFor(AwsService.Athena, "cn-north-1"));
        Assert.Null(resolver.OverrideFor(AwsService.S3));
    }

    [Fact]
    public void ServiceVariable_WinsOverGlobalVariable_AndFlagWinsOverBoth()
    {
        Func<string, string?> env = Env(("AWS_ENDPOINT_URL_ATHENA", "http://127.0.0.1:7001"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));

        Assert.Equal(new Uri("http://127.0.0.1:7001"), new AwsEndpointResolver(null, env).OverrideFor(AwsService.Athena));
        Assert.Equal(new Uri("http://127.0.0.1:5000"), new AwsEndpointResolver(null, env).OverrideFor(AwsService.S3));
        Assert.Equal(new Uri("http://127.0.0.1:9"), new AwsEndpointResolver(new Uri("http://127.0.0.1:9"), env).OverrideFor(AwsService.Athena));
    }

    [Fact]
    public void MalformedVariable_IsAConfigurationErrorNamingTheVariable()
    {
        AwsEndpointResolver resolver = new(null, Env(("AWS_ENDPOINT_URL_STS", "localhost:5000")));

        InvalidAwsConfigurationException error = Assert.Throws<InvalidAwsConfigurationException>(() => resolver.OverrideFor(AwsService.Sts));
        Assert.Contains("AWS_ENDPOINT_URL_STS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_SSO")]
    [InlineData("AWS_ENDPOINT_URL_SSO_OIDC")]
    [InlineData("AWS_ENDPOINT_URL")]
    public void Validate_ChecksEveryServicesVariable_NotOnlyTheOnesUsedSoFar(string variable)
    {
        AwsEndpointResolver resolver = new(null, Env((variable, "notaurl")));

        InvalidAwsConfigurationException error = Assert.Throws<InvalidAwsConfigurationException>(resolver.Validate);
        Assert.Equal($"{variable}='notaurl' is not an http:// or https:// URL; fix or unset it", error.Message);
    }
}
