using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Api.Queries;

namespace Pipeline.Server.Tests.ApiDocs;

/// <summary>
/// /openapi/v1.json describes every /api endpoint the app really maps (read from its EndpointDataSource, so a new
/// endpoint is checked without editing this test), with every declared query parameter, the response schemas,
/// the problem responses and the API key.
/// </summary>
public sealed class OpenApiDocumentTests : IClassFixture<ServerAppFactory>
{
    private readonly ServerAppFactory _factory;
    private readonly Lazy<Task<JsonDocument>> _document;

    public OpenApiDocumentTests(ServerAppFactory factory)
    {
        _factory = factory;
        _document = new(LoadDocumentAsync);
    }

    [Fact]
    public async Task Get_Document_IsOpenApi3Json()
    {
        var document = (await _document.Value).RootElement;

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Pipeline API", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Get_Document_HasEveryMappedApiRouteWithItsMethod()
    {
        var paths = (await _document.Value).RootElement.GetProperty("paths");
        var endpoints = DescribedApiEndpoints().ToList();

        Assert.True(endpoints.Count >= 6, $"only {endpoints.Count} /api endpoints found");
        Assert.All(endpoints, e =>
        {
            Assert.True(paths.TryGetProperty(e.RoutePattern.RawText!, out var path), $"{e.RoutePattern.RawText} is not in the document");
            foreach (var method in e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                Assert.True(path.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {e.RoutePattern.RawText} is not in the document");
                Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {e.RoutePattern.RawText} has no summary");
            }
        });
    }

    [Fact]
    public void Endpoints_LeftOutOfTheDocument_AreOnlyTheDashboardAndTheReference()
    {
        var excluded = _factory.ApiEndpoints().Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)
            .Select(e => e.RoutePattern.RawText!);

        Assert.All(excluded, route => Assert.True(
            route is "/api/dashboard" or "/api/openapi/{documentName}.json" || route.StartsWith("/api/docs", StringComparison.Ordinal),
            $"{route} is left out of the OpenAPI document"));
    }

    [Fact]
    public async Task Get_Document_DescribesEveryDeclaredQueryParameter()
    {
        var paths = (await _document.Value).RootElement.GetProperty("paths");
        var declaring = DescribedApiEndpoints().Where(e => e.Metadata.GetMetadata<QueryParameterSet>() is not null).ToList();

        Assert.NotEmpty(declaring);
        foreach (var endpoint in declaring)
        {
            var operation = paths.GetProperty(endpoint.RoutePattern.RawText!).GetProperty("get");
            // An endpoint that declares no parameters may have no "parameters" at all.
            var documented = (operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray().ToList() : [])
                .Where(p => p.GetProperty("in").GetString() == "query")
                .ToDictionary(p => p.GetProperty("name").GetString()!, StringComparer.Ordinal);
            var declared = endpoint.Metadata.GetMetadata<QueryParameterSet>()!;

            Assert.Equal(declared.Select(p => p.Name).Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
            foreach (var parameter in declared)
            {
                var described = documented[parameter.Name];
                AssertDescribed(described, parameter.Name);
                var schema = described.GetProperty("schema");
                if (parameter.Kind == QueryParameterKind.Integer)
                {
                    Assert.Equal(parameter.Minimum, schema.GetProperty("minimum").GetInt32());
                    Assert.Equal(parameter.Maximum, schema.GetProperty("maximum").GetInt32());
                    Assert.Equal(parameter.Default, schema.GetProperty("default").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                else if (parameter.Kind == QueryParameterKind.Enum)
                {
                    Assert.Equal(parameter.AllowedValues, schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));
                }
                else if (parameter.Kind == QueryParameterKind.Text && parameter.MaxCount == 1)
                {
                    Assert.Equal(parameter.MaxLength, schema.GetProperty("maxLength").GetInt32());
                }
            }
        }
    }

    [Fact]
    public async Task Get_Document_EveryParameterHasADescription()
    {
        var parameters = (await _document.Value).RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().SelectMany(operation => operation.Value.TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Select(p => (Where: $"{operation.Name} {path.Name} {p.GetProperty("name").GetString()}", Parameter: p))
                : []))
            .ToList();

        Assert.Contains(parameters, p => p.Parameter.GetProperty("in").GetString() == "path");
        Assert.All(parameters, p => AssertDescribed(p.Parameter, p.Where));
    }

    [Fact]
    public async Task Get_Document_EverySuccessResponseHasASchemaThatResolves()
    {
        var root = (await _document.Value).RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");
        var checkedResponses = 0;

        foreach (var (route, status, response) in Responses(root))
        {
            if (!status.StartsWith('2'))
            {
                continue;
            }

            var schema = response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
            AssertResolves(schemas, schema, $"{route} {status}");
            checkedResponses++;
        }

        Assert.True(checkedResponses >= 6, $"only {checkedResponses} success responses documented");
        foreach (var name in new[] { "ArticleSummary", "ArticleDetails", "EntitySummary", "EntityList", "HealthReport", "ProblemDetails", "HttpValidationProblemDetails" })
        {
            Assert.True(schemas.TryGetProperty(name, out _), $"no {name} schema");
        }

        Assert.Contains(schemas.EnumerateObject(), s => s.Name.StartsWith("PageOf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Document_EverySchemaHasADescription()
    {
        var schemas = (await _document.Value).RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().ToList();

        Assert.NotEmpty(schemas);
        Assert.All(schemas, schema => AssertDescribed(schema.Value, $"schema {schema.Name} (give its type a /// <summary>)"));
    }

    [Fact]
    public async Task Get_Document_QueryParametersAndProblemsAnswerWithProblemSchemas()
    {
        var root = (await _document.Value).RootElement;
        var paths = root.GetProperty("paths");
        var schemas = root.GetProperty("components").GetProperty("schemas");

        foreach (var endpoint in DescribedApiEndpoints())
        {
            var operation = paths.GetProperty(endpoint.RoutePattern.RawText!).GetProperty("get");
            var responses = operation.GetProperty("responses");
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>()!;
            var returns = ResultTypes(handler.ReturnType);
            var name = endpoint.RoutePattern.RawText!;

            if (endpoint.Metadata.GetMetadata<QueryParameterSet>() is not null || returns.Contains(typeof(ValidationProblem)))
            {
                AssertProblem(schemas, responses, "400", name);
            }

            if (returns.Contains(typeof(ProblemHttpResult)))
            {
                Assert.True(
                    responses.EnumerateObject().Any(r => r.Name is not ("400" or "401") && r.Name[0] is '4' or '5'),
                    $"{name} can answer with a problem but documents no 4xx/5xx beside 400 and 401: add .ProducesProblem(status)");
            }

            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                AssertProblem(schemas, responses, "401", name);
                Assert.True(operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 2, $"{name} has no key requirement");
            }
            else
            {
                Assert.False(responses.TryGetProperty("401", out _), $"anonymous {name} documents a 401");
            }
        }
    }

    /// <summary>An endpoint that answers with an ETag can answer If-None-Match with 304, so its operation must say so.</summary>
    [Fact]
    public async Task Get_EndpointAnsweringWithAnETag_Documents304()
    {
        var paths = (await _document.Value).RootElement.GetProperty("paths");
        using var client = _factory.CreateClient();
        var called = 0;

        foreach (var endpoint in DescribedApiEndpoints().Where(e => e.RoutePattern.Parameters.Count == 0))
        {
            using var response = await client.GetAsync(endpoint.RoutePattern.RawText);
            called++;
            if (response.Headers.ETag is not null)
            {
                var responses = paths.GetProperty(endpoint.RoutePattern.RawText!).GetProperty("get").GetProperty("responses");
                Assert.True(responses.TryGetProperty("304", out _), $"{endpoint.RoutePattern.RawText} sends an ETag but documents no 304: add .Produces(StatusCodes.Status304NotModified)");
            }
        }

        Assert.True(called >= 3, $"only {called} endpoints without route values");
    }

    [Fact]
    public async Task Get_Document_DescribesTheApiKeyAsHeaderAndQuerySchemes()
    {
        var schemes = (await _document.Value).RootElement.GetProperty("components").GetProperty("securitySchemes");

        var locations = schemes.EnumerateObject().Select(s => (
            Type: s.Value.GetProperty("type").GetString(), In: s.Value.GetProperty("in").GetString(), Name: s.Value.GetProperty("name").GetString()));

        Assert.Equal([("apiKey", "header", "x-functions-key"), ("apiKey", "query", "code")], locations);
    }

    [Fact]
    public async Task Get_DocumentWithApiKeyConfigured_IsServedWithoutTheKey()
    {
        using var factory = new ServerAppFactory().WithSetting("Api:Key", "local-test-key-0123456789");
        using var client = factory.CreateClient();

        using var document = await client.GetAsync("/openapi/v1.json");
        using var articles = await client.GetAsync("/api/articles");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, articles.StatusCode);
    }

    private static void AssertDescribed(JsonElement element, string what) => Assert.True(
        element.TryGetProperty("description", out var description) && !string.IsNullOrWhiteSpace(description.GetString()), $"{what} has no description");

    private static void AssertProblem(JsonElement schemas, JsonElement responses, string status, string route)
    {
        Assert.True(responses.TryGetProperty(status, out var response), $"{route} documents no {status}");
        AssertResolves(schemas, response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema"), $"{route} {status}");
    }

    private static void AssertResolves(JsonElement schemas, JsonElement schema, string what)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Replace("#/components/schemas/", "", StringComparison.Ordinal);
            Assert.True(schemas.TryGetProperty(name, out _), $"{what}: {reference} does not resolve");
        }
        else
        {
            Assert.True(schema.TryGetProperty("type", out _) || schema.TryGetProperty("anyOf", out _), $"{what}: empty schema {schema}");
        }
    }

    /// <summary>The result types a handler can return: the arguments of Results&lt;…&gt;, or the type itself.</summary>
    private static HashSet<Type> ResultTypes(Type returnType)
    {
        var type = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : returnType;
        return type.IsGenericType && type.Name.StartsWith("Results`", StringComparison.Ordinal) ? [.. type.GetGenericArguments()] : [type];
    }

    private static IEnumerable<(string Route, string Status, JsonElement Response)> Responses(JsonElement root)
    {
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    yield return ($"{operation.Name} {path.Name}", response.Name, response.Value);
                }
            }
        }
    }


    private IEnumerable<RouteEndpoint> DescribedApiEndpoints() =>
        _factory.ApiEndpoints().Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true);

    private async Task<JsonDocument> LoadDocumentAsync()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
