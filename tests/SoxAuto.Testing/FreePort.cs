using System.Net;
using System.Net.Sockets;

namespace SoxAuto.Testing;

/// <summary>Finds a loopback TCP port nothing listens on (the OS picks it), for servers that cannot bind port 0 themselves.</summary>
public static class FreePort
{
    public static int Next()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
