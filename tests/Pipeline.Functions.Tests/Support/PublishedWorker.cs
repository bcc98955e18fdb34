using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace Pipeline.Functions.Tests.Support;

/// <summary>
/// The worker from an unpacked deployment package, loaded in a load context of its own (its assemblies from the
/// package, the shared framework shared as in a real worker process), with its own Program run until the host is
/// built — the way WebApplicationFactory captures a minimal-hosting app — so the composition root that ships is the
/// one under test. The Functions host's gRPC channel is never started.
/// </summary>
internal sealed class PublishedWorker : IDisposable
{
    private readonly PackageLoadContext _context;

    private PublishedWorker(PackageLoadContext context, Assembly assembly, IServiceProvider services)
    {
        _context = context;
        Assembly = assembly;
        Services = services;
    }

    public Assembly Assembly { get; }

    public IServiceProvider Services { get; }

    public static PublishedWorker Build(string packageFolder, params string[] args)
    {
        var context = new PackageLoadContext(Path.Combine(packageFolder, "Pipeline.Functions.dll"));
        var assembly = context.LoadFromAssemblyPath(Path.Combine(packageFolder, "Pipeline.Functions.dll"));
        object? host = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            using var subscription = DiagnosticListener.AllListeners.Subscribe(new HostBuiltObserver(Thread.CurrentThread, h => host = h));
            try
            {
                assembly.EntryPoint!.Invoke(null, [args]);
                failure = new InvalidOperationException("The worker's Program returned without building a host.");
            }
            catch (TargetInvocationException ex) when (ex.InnerException is HostCapturedException)
            {
                // Stopped on purpose once the host was built.
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null || host is null)
        {
            throw new InvalidOperationException("The published worker did not build its host.", failure);
        }

        var services = (IServiceProvider)host.GetType().GetProperty("Services")!.GetValue(host)!;
        return new PublishedWorker(context, assembly, services);
    }

    public void Dispose()
    {
        (Services as IDisposable)?.Dispose();
        _context.Unload();
    }

    private sealed class HostCapturedException : Exception;

    // Only the host built on the worker's own thread is taken: other tests build hosts at the same time.
    private sealed class HostBuiltObserver(Thread worker, Action<object> captured) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
            {
                listener.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == "HostBuilt" && Thread.CurrentThread == worker && e.Value is { } host)
            {
                captured(host);
                throw new HostCapturedException();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class PackageLoadContext(string mainAssembly) : AssemblyLoadContext("published-worker", isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null; // null: the shared framework

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
