using Pipeline.Analysis;
using Pipeline.Core;
using Pipeline.Core.Processing;
using Pipeline.Functions.CustomHandler;

var builder = WebApplication.CreateSlimBuilder(args);

// TEMPORARY (functions branch): the lead's Program.cs replaces this block; what the custom handler needs is
// AddPipelineCore + an ITextAnalyzer + an IArticleRepository, AddCustomHandler(), MapCustomHandler(),
// GET / answering, and listening on 127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT when that variable is set.
if (builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] is { Length: > 0 } customHandlerPort)
{
    builder.WebHost.UseUrls($"http://127.0.0.1:{customHandlerPort}");
}

builder.Services.AddPipelineCore(builder.Configuration.GetSection(ProcessingOptions.SectionName));
builder.Services.AddTextAnalysis(builder.Configuration.GetSection(AnalysisOptions.SectionName));
builder.Services.AddCustomHandler();

var app = builder.Build();
app.MapGet("/", () => "Pipeline is running.");
app.MapCustomHandler();
app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
