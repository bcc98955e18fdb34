using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Api;
using Pipeline.Api.Docs;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The two hosts serve one HTTP surface: every endpoint <see cref="PipelineApi.MapPipelineApi"/> maps (what the
/// standalone server serves) has an HTTP function of the same name, route, methods and route parameters, and
/// only endpoints that allow anonymous callers are anonymous functions. Fails when the route tables diverge.
/// </summary>
public sealed class RouteParityTests
{
    private static readonly IReadOnlyList<RouteEndpoint> Endpoints = MappedEndpoints();
    private static readonly IReadOnlyList<HttpFunction> Functions = HttpFunction.All();

    [Fact]
    public void EveryMappedEndpoint_HasHttpFunctionOfTheSameName()
    {
        var endpointNames = Endpoints.Select(Name).Order(StringComparer.Ordinal);

        Assert.Equal(endpointNames, Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryHttpFunction_SameRouteMethodsAndParametersAsItsEndpoint()
    {
        Assert.All(Functions, function =>
        {
            var endpoint = Assert.Single(Endpoints, e => Name(e) == function.Name);
            Assert.Equal(endpoint.RoutePattern.RawText!.Trim('/'), PipelineApi.RoutePrefix + "/" + function.Trigger.Route);
            Assert.Equal(
                endpoint.Metadata.GetRequiredMetadata<HttpMethodMetadata>().HttpMethods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal),
                function.Trigger.Methods!.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal));

            var routeParameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(routeParameters, function.BoundParameters.Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void OnlyAnonymousEndpoints_AreAnonymousFunctions_HealthAndTheDocumentAlone()
    {
        Assert.All(Functions, function =>
        {
            var endpoint = Assert.Single(Endpoints, e => Name(e) == function.Name);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.Equal(anonymous ? AuthorizationLevel.Anonymous : AuthorizationLevel.Function, function.Trigger.AuthLevel);
        });
        Assert.Equal(
            [ApiRoutes.GetOpenApiDocument, ApiRoutes.Health],
            Functions.Where(f => f.Trigger.AuthLevel == AuthorizationLevel.Anonymous).Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    private static string Name(Endpoint endpoint) => endpoint.Metadata.GetRequiredMetadata<IEndpointNameMetadata>().EndpointName;

    // The server's route table, built without starting it (no storage is contacted).
    private static List<RouteEndpoint> MappedEndpoints()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        builder.AddPipeline();
        builder.AddPipelineApiDocs();
        var app = builder.Build();
        app.MapPipelineApi();
        app.MapPipelineApiDocs();
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToList();
    }

    private sealed record HttpFunction(string Name, HttpTriggerAttribute Trigger, IReadOnlyList<string> BoundParameters)
    {
        public static List<HttpFunction> All() =>
            typeof(ApiFunctions).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods())
                .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
                .Where(x => x.Function is not null)
                .Select(x => (x.Method, x.Function, Trigger: x.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)))
                .Where(x => x.Trigger is not null)
                .Select(x => new HttpFunction(
                    x.Function!.Name,
                    x.Trigger!,
                    // Besides the request, a function's parameters are bound from its route.
                    x.Method.GetParameters().Where(p => p.ParameterType != typeof(HttpRequest) && p.ParameterType != typeof(FunctionContext)).Select(p => p.Name!).ToList()))
                .ToList();
    }
}
