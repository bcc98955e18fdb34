using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pipeline.Api.Docs;

/// <summary>
/// Documents the key every endpoint but the anonymous ones (health) asks for: a function key on Azure Functions, the
/// configured Api:Key on the standalone server. It goes in the <see cref="ApiRoutes.KeyHeader"/> header or the
/// <see cref="ApiRoutes.KeyQueryParameter"/> query parameter, so there are two schemes and either satisfies an operation.
/// </summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    internal const string HeaderScheme = "keyHeader";
    internal const string QueryScheme = "keyQuery";
    private const string ProblemSchema = nameof(ProblemDetails);

    private const string Applies =
        "Required by Azure Functions (a function key) and by the standalone server when Api:Key is set; the server without Api:Key asks for none.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiRoutes.KeyHeader,
            Description = $"The key in the '{ApiRoutes.KeyHeader}' header. {Applies}",
        };
        document.Components.SecuritySchemes[QueryScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = ApiRoutes.KeyQueryParameter,
            Description = $"The key as the '{ApiRoutes.KeyQueryParameter}' query parameter, accepted beside every endpoint's own parameters. {Applies}",
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var document = context.Document!;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(QueryScheme, document)] = [] });

        if (document.Components?.Schemas?.ContainsKey(ProblemSchema) != true)
        {
            document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken));
        }

        operation.Responses ??= [];
        operation.Responses[StatusCodes.Status401Unauthorized.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = $"No valid key in the '{ApiRoutes.KeyHeader}' header or the '{ApiRoutes.KeyQueryParameter}' query parameter.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }
}
