using Pipeline.Api;
using Pipeline.Server;
using Pipeline.Server.Security;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddPipeline();
builder.AddLocalWatcher();
builder.AddApiKey();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiKey();
app.MapPipelineApi();

app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
