using System.Runtime.InteropServices;
using Pipeline.Server;

namespace Pipeline.Server.Tests;

public sealed class MallocArenasTests
{
    [Fact]
    public void Limit_OnGlibcLinux_Applied()
    {
        var glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal)
            && NativeLibrary.TryLoad("libc.so.6", out _);

        Assert.Equal(glibc, MallocArenas.Limit(2));
    }

    [Fact]
    public void Limit_NoArena_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MallocArenas.Limit(0));
    }
}
