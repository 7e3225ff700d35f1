using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace SoxAuto.Aws.Sso;

/// <summary>
/// After a sign-in, asks for the profile's role credentials the way every later command will: through AWSSDK.Core's
/// own <see cref="SSOAWSCredentials"/>, which reads the token file just written. Success proves the cache file is
/// one the SDK accepts and that the role is assigned to the user.
/// </summary>
public static class SsoRoleCheck
{
    /// <returns>When the role credentials expire, if the portal said.</returns>
    public static async Task<DateTimeOffset?> VerifyAsync(SsoProfile profile, SsoTokenCache cache, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!new CredentialProfileStoreChain().TryGetAWSCredentials(profile.ProfileName, out AWSCredentials credentials) ||
            credentials is not SSOAWSCredentials sso)
        {
            throw new InvalidProfileException($"AWS profile '{profile.ProfileName}' no longer resolves to IAM Identity Center credentials; check the AWS config file");
        }

        SsoProfileCredentials wrapped = new(sso, profile.ProfileName, cache, time);
        try
        {
            await wrapped.GetCredentialsAsync().WaitAsync(cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            throw new SsoLoginFailedException(
                $"signed in, but role '{profile.RoleName}' in account {profile.AccountId} is not available to you ({ex.ErrorCode ?? ex.StatusCode.ToString()}); check sso_account_id and sso_role_name of profile '{profile.ProfileName}', or ask for the assignment",
                ex);
        }
        catch (AmazonClientException ex)
        {
            throw new SsoLoginFailedException(
                $"signed in, but role credentials for account {profile.AccountId} could not be fetched ({ex.GetType().Name}); check the network or proxy", ex);
        }

        return wrapped.Expiration is { } expiration ? new DateTimeOffset(DateTime.SpecifyKind(expiration, DateTimeKind.Utc)) : null;
    }
}
