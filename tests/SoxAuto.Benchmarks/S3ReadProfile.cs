using System.Diagnostics;
using System.Globalization;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Storage;
using SoxAuto.Core.Execution;

namespace SoxAuto.Benchmarks;

/// <summary>Times reading one result object from S3 (or moto) through the same reader extract uses, discarding the bytes.</summary>
public static class S3ReadProfile
{
    /// <summary>The same object through a plain HttpClient (a presigned URL), to tell transport cost from SDK cost.</summary>
    public static async Task RunHttpAsync(string url)
    {
        using HttpClient http = new(new SocketsHttpHandler());
        byte[] buffer = new byte[1 << 20];
        for (int round = 0; round < 3; round++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            long total = 0;
            using (HttpResponseMessage response = await http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead))
            await using (Stream body = await response.Content.ReadAsStreamAsync())
            {
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    total += read;
                }
            }

            double seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HTTP read {total / 1e6:F0} MB in {seconds:F2} s = {total / 1e6 / seconds:F0} MB/s"));
        }
    }

    public static async Task RunAsync(string uri)
    {
        AwsSession session = AwsSessionFactory.Create(AwsOptions.None, Environment.GetEnvironmentVariable("AWS_REGION"), Environment.GetEnvironmentVariable);
        using Amazon.S3.AmazonS3Client s3 = S3ClientFactory.Create(session);
        using S3ResultReader reader = S3ClientFactory.CreateResultReader(session, s3, TimeProvider.System);
        byte[] buffer = new byte[1 << 20];
        for (int round = 0; round < 3; round++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            long total = 0;
            await using (OpenedResult result = await reader.OpenAsync(uri, CancellationToken.None))
            {
                int read;
                while ((read = await result.Content.ReadAsync(buffer)) > 0)
                {
                    total += read;
                }
            }

            double seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"S3 read {total / 1e6:F0} MB in {seconds:F2} s = {total / 1e6 / seconds:F0} MB/s"));
        }
    }
}
