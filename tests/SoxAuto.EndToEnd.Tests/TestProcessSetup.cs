using System.Runtime.CompilerServices;
using SoxAuto.Testing;

namespace SoxAuto.EndToEnd.Tests;

/// <summary>Runs once when the test assembly loads, before any test: see <see cref="SsoHome.IsolateProcess"/>.</summary>
internal static class TestProcessSetup
{
#pragma warning disable CA2255 // A test assembly, not a library: isolating the process before any test is the point.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => SsoHome.IsolateProcess();
}
