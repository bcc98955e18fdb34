using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Pipeline.Api.Docs;

/// <summary>
/// The OpenAPI document of <see cref="PipelineApi.MapPipelineApi"/> at <see cref="DocumentPath"/> and, as on Azure
/// Functions, at <see cref="ApiDocumentPath"/>; an interactive reference (Scalar) at <see cref="ReferencePath"/>, whose
/// script is served by the app itself (no CDN, no web fonts, no calls to Scalar's services).
/// </summary>
public static class ApiDocsExtensions
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";
    public const string ReferencePath = "/" + PipelineApi.RoutePrefix + "/docs";

    /// <summary>Where both hosts serve the document: under the API's prefix, the only routes a Functions app has.</summary>
    public const string ApiDocumentPath = "/" + PipelineApi.RoutePrefix + "/openapi/" + DocumentName + ".json";

    private const string DocumentRoute = "/openapi/{documentName}.json";
    private const string ApiDocumentRoute = "/" + PipelineApi.RoutePrefix + DocumentRoute;

    public static TBuilder AddPipelineApiDocs<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Pipeline API",
                    Version = DocumentName,
                    Description = "News coverage analysed per article and per entity: articles with their sentiment and entities, "
                        + "and how each person or organization is portrayed. Invalid or unknown query parameters are answered with "
                        + "400 and a validation problem naming each one.",
                };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // The framework's problem types have no XML docs to describe them.
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(HttpValidationProblemDetails))
                {
                    schema.Description = "A problem (RFC 9457) about the request's parameters: 'errors' maps each offending parameter to what is wrong with it.";
                }
                else if (type == typeof(ProblemDetails))
                {
                    schema.Description = "A problem (RFC 9457): 'title' says what went wrong, 'detail' says more about this occurrence.";
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer<QueryParameterTransformer>();
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
        });
        return builder;
    }

    /// <summary>Maps the document and the reference; both are readable without the API key (they hold no data).</summary>
    public static IEndpointRouteBuilder MapPipelineApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentRoute).AllowAnonymous();
        app.MapOpenApi(ApiDocumentRoute).WithName(ApiRoutes.GetOpenApiDocument).AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Pipeline API")
                .WithOpenApiRoutePattern(DocumentRoute)
                .AddPreferredSecuritySchemes(ApiKeySecurityTransformer.HeaderScheme)
                .DisableDefaultFonts()

                // Nothing that talks to Scalar's services: no telemetry, no AI agent, no "Share" developer toolbar.
                .DisableTelemetry()
                .DisableAgent()
                .HideDeveloperTools())
            .AllowAnonymous();
        return app;
    }
}
