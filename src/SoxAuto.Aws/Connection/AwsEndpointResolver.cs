namespace SoxAuto.Aws.Connection;

/// <summary>
/// Resolves a service's endpoint the way the AWS SDKs do: an explicit <c>--endpoint-url</c> first, then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, else the regional endpoint
/// (<c>https://athena.eu-west-1.amazonaws.com</c>). Returns null for the regional default so SDK clients keep their own
/// resolution (FIPS, China partitions) unless something overrides it.
/// </summary>
public sealed class AwsEndpointResolver(Uri? explicitEndpoint, Func<string, string?> environment)
{
    public Uri? OverrideFor(AwsService service)
    {
        if (explicitEndpoint is not null)
        {
            return explicitEndpoint;
        }

        foreach (string variable in new[] { "AWS_ENDPOINT_URL_" + service.EndpointVariableSuffix, "AWS_ENDPOINT_URL" })
        {
            string? value = environment(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidAwsConfigurationException($"{variable}='{value}' is not an http:// or https:// URL; fix or unset it");
            }

            return uri;
        }

        return null;
    }

    /// <summary>
    /// Checks every endpoint variable a run may read, so a malformed one is reported before the first AWS call rather
    /// than when the client that needs it is first made.
    /// </summary>
    /// <exception cref="InvalidAwsConfigurationException">An <c>AWS_ENDPOINT_URL*</c> value is not an http(s) URL.</exception>
    public void Validate()
    {
        foreach (AwsService service in AwsService.All)
        {
            OverrideFor(service);
        }
    }

    /// <summary>The endpoint to call: the override, or <c>https://{prefix}.{region}.amazonaws.com</c> (.com.cn in China).</summary>
    public Uri EndpointFor(AwsService service, string region)
    {
        if (OverrideFor(service) is { } overridden)
        {
            return overridden;
        }

        string suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{service.HostPrefix}.{region}.{suffix}/");
    }
}
