using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Pipeline.Api.Queries;

namespace Pipeline.Api.Docs;

/// <summary>
/// Describes an endpoint's declared <see cref="QueryParameterSet"/> in its operation. The handlers read the query string
/// themselves (to reject unknown names), so the generator cannot see these parameters; the declaration the handler
/// parses with is the one described here.
/// </summary>
internal sealed class QueryParameterTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameterSet>().LastOrDefault();
        if (declared is not null)
        {
            operation.Parameters ??= [];
            foreach (var parameter in declared)
            {
                operation.Parameters.Add(Describe(parameter));
            }

            if (operation.Responses?.TryGetValue("400", out var invalid) == true && invalid is OpenApiResponse response)
            {
                response.Description = "An unknown, repeated, malformed or out-of-range query parameter: a validation problem whose 'errors' name each one.";
            }
        }

        return Task.CompletedTask;
    }

    internal static OpenApiParameter Describe(QueryParameter parameter)
    {
        var schema = Schema(parameter);
        return new OpenApiParameter
        {
            Name = parameter.Name,
            In = ParameterLocation.Query,
            Description = parameter.Description,
            Required = false,
            Schema = parameter.MaxCount > 1 ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema, MaxItems = parameter.MaxCount } : schema,

            // Form style, exploded: a repeated parameter is written entity=a&entity=b.
            Style = ParameterStyle.Form,
            Explode = true,
        };
    }

    private static OpenApiSchema Schema(QueryParameter parameter) => parameter.Kind switch
    {
        QueryParameterKind.Integer => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = parameter.Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = parameter.Maximum?.ToString(CultureInfo.InvariantCulture),
            Default = parameter.Default is null ? null : JsonValue.Create(int.Parse(parameter.Default, CultureInfo.InvariantCulture)),
        },

        // Neither OpenAPI format fits alone: a date and a date-time are both accepted (the description says so).
        QueryParameterKind.Date => new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("2016-06-01")] },
        QueryParameterKind.Enum => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. parameter.AllowedValues.Select(v => (JsonNode)JsonValue.Create(v))],
            Default = parameter.Default is null ? null : JsonValue.Create(parameter.Default),
        },
        QueryParameterKind.Language => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Za-z]{2,3}$", Examples = [JsonValue.Create("en")] },
        QueryParameterKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(false) },
        _ => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = parameter.MaxLength },
    };
}
