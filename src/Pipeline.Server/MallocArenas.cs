using System.Runtime.InteropServices;

namespace Pipeline.Server;

/// <summary>
/// Caps glibc's malloc arenas. glibc gives each thread that allocates natively an arena of its own (up to 8 per core),
/// and memory freed in an arena stays resident: under query load the thread pool's threads (SQLite, Kestrel) each
/// took one. Measured with <c>./bench.sh --api-only --sizes 10000</c> (BENCHMARKS.md): peak RSS 163 -> 133 MB, the
/// native (non-GC) part of it 66 -> 44 MB, throughput unchanged.
/// </summary>
internal static class MallocArenas
{
    /// <summary>mallopt's M_ARENA_MAX.</summary>
    private const int ArenaMax = -8;

    /// <summary>Limits the arenas glibc creates from now on; false where the C library is not glibc (or not Linux).</summary>
    public static bool Limit(int arenas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arenas, 1);
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return NativeMethods.mallopt(ArenaMax, arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // musl and other C libraries: their allocators have no per-thread arenas to cap.
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc.so.6", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable CA1707, SA1300 // the C function's own name
        public static extern int mallopt(int param, int value);
#pragma warning restore CA1707, SA1300
    }
}
