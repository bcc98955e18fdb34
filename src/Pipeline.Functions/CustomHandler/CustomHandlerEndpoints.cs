using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Processing;

namespace Pipeline.Functions.CustomHandler;

/// <summary>
/// The Azure Functions custom-handler side of the app: POST /{FunctionName} for every non-HTTP function in
/// functions/*/function.json. HTTP functions need nothing here: host.json enables request forwarding, so the
/// host replays them on their original path (/api/...), which the query API serves.
/// </summary>
public static class CustomHandlerEndpoints
{
    /// <summary>Services the invocation endpoints use. Needs AddPipelineCore (ArticleProcessor) as well.</summary>
    public static IServiceCollection AddCustomHandler(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BlobTriggerPayloadReader>();
        services.TryAddSingleton<CustomHandlerInvocations>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustomHandler(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var processing = app.ServiceProvider.GetRequiredService<IOptions<ProcessingOptions>>().Value;
        var limit = RequestBodyLimit.ForArticles(processing.MaxArticleBytes);

        app.MapPost("/" + FunctionNames.ProcessArticle, context =>
                context.RequestServices.GetRequiredService<CustomHandlerInvocations>().ProcessArticleAsync(context))
            .WithMetadata(limit, new CustomHandlerFunction(FunctionNames.ProcessArticle))
            .ExcludeFromDescription();

        app.MapPost("/" + FunctionNames.DeleteArticle, context =>
                context.RequestServices.GetRequiredService<CustomHandlerInvocations>().DeleteArticleAsync(context))
            .WithMetadata(new CustomHandlerFunction(FunctionNames.DeleteArticle))
            .ExcludeFromDescription();

        app.MapPost("/" + FunctionNames.RecordPoisonedArticle, context =>
                context.RequestServices.GetRequiredService<CustomHandlerInvocations>().RecordPoisonedArticleAsync(context))
            .WithMetadata(new CustomHandlerFunction(FunctionNames.RecordPoisonedArticle))
            .ExcludeFromDescription();

        return app;
    }
}
