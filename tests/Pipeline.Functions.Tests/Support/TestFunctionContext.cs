using Microsoft.Azure.Functions.Worker;

namespace Pipeline.Functions.Tests.Support;

/// <summary>
/// The FunctionContext a function method receives, as far as our functions use it: the invocation's
/// cancellation token. Binding, tracing and retry contexts belong to the worker and are not needed here.
/// </summary>
public sealed class TestFunctionContext(string functionName, CancellationToken cancellationToken = default) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => functionName;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = EmptyServices.Instance;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    public override CancellationToken CancellationToken => cancellationToken;

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
