using Pipeline.Api;
using Pipeline.Api.Health;

namespace Pipeline.Server;

public static class ConcurrentStart
{
    /// <summary>
    /// Starts the hosted services (storage initializers, watcher, Kestrel) together rather than one after another,
    /// so their first calls' JIT and round trips overlap on the machine's cores: about a third of the cold start.
    /// Readiness still waits for all of them; <see cref="UseStartupGate"/> holds requests off until then.
    /// </summary>
    public static TBuilder AddConcurrentStart<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        return builder;
    }

    /// <summary>
    /// Until start-up is done (tables and containers may not exist yet), answers everything but the health probe with
    /// 503 and Retry-After, instead of letting a query reach storage that is still being created.
    /// </summary>
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var readiness = app.ApplicationServices.GetRequiredService<Readiness>();
        return app.Use(async (context, next) =>
        {
            if (readiness.IsReady || context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == ApiRoutes.Health)
            {
                await next(context);
                return;
            }

            context.Response.Headers.RetryAfter = "1";
            await Results.Problem(
                title: "Starting",
                detail: "The service is starting; retry in a second.",
                statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        });
    }
}
