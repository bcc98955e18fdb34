using System.Text.Json.Nodes;
using Azure;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Analysis.AzureLanguage.Wire;
using Pipeline.Core.Analysis;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.AzureLanguage;

/// <summary>
/// Optional tier: replays real service recordings from ../shared/fixtures/azure-language through the stub into the
/// client, sending the recorded request documents, and checks that the real shapes parse and map as expected.
/// </summary>
public sealed class AzureLanguageRecordedResponseTests : IAsyncLifetime
{
    private const string Js = "azure-sdk-for-js/recordings";
    private const string Py = "azure-sdk-for-python/recordings";
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [RecordedResponsesFact]
    public async Task Client_RecordedOpinionMining_TargetsAndAssessmentsIndexTheText()
    {
        var (documents, outcomes) = await ReplayAsync(
            $"{Js}/browsers/aad_textanalysisclient_analyze_sentimentanalysis/recording_client_gets_positive_mined_assessments.json");

        var document = Assert.Single(outcomes).Document!;
        var text = documents[0].Text;
        var sentence = Assert.Single(document.Sentences!);
        Assert.NotEmpty(sentence.Targets!);
        Assert.NotEmpty(sentence.Assessments!);
        Assert.All(sentence.Targets!.Concat(sentence.Assessments!), t => Assert.Equal(t.Text, text.Substring(t.Offset, t.Length)));
        Assert.Equal(Sentiment.Positive, SentimentRollup.From(document.Sentiment, document.ConfidenceScores).Label);
    }

    [RecordedResponsesFact]
    public async Task Client_RecordedEntityRecognition_OffsetsIndexTheText()
    {
        var (documents, outcomes) = await ReplayAsync(
            $"{Js}/node/aad_textanalysisclient_analyze_entityrecognition/recording_client_accepts_string_with_a_language_specified.json");

        Assert.All(outcomes, o => Assert.NotNull(o.Document));
        for (var i = 0; i < documents.Count; i++)
        {
            Assert.All(outcomes[i].Document!.Entities!, e => Assert.Equal(e.Text, documents[i].Text.Substring(e.Offset, e.Length)));
        }

        Assert.Contains(outcomes.SelectMany(o => o.Document!.Entities!), e => e is { Category: "Location", Subcategory: "GPE" });
    }

    [RecordedResponsesFact]
    public async Task Client_RecordedUtf16CodeUnitOffsets_MatchDotNetStringIndexAfterEmoji()
    {
        var (documents, outcomes) = await ReplayAsync(
            $"{Js}/node/aad_textanalysisclient_analyze_string_encoding_default_encoding_utf16codeunit/recording_family_emoji_with_skin_tone_modifier.json");

        var entity = Assert.Single(Assert.Single(outcomes).Document!.Entities!);
        Assert.Equal(documents[0].Text.IndexOf(entity.Text!, StringComparison.Ordinal), entity.Offset);
    }

    [RecordedResponsesFact]
    public async Task Client_RecordedLanguageDetectionAndKeyPhrases_Parse()
    {
        var (_, languages) = await ReplayAsync(
            $"{Js}/node/aad_textanalysisclient_analyze_languagedetection/recording_client_accepts_no_countryhint.json");
        var (_, phrases) = await ReplayAsync(
            $"{Js}/browsers/aad_textanalysisclient_analyze_keyphraseextraction/recording_client_accepts_string_with_a_language_specified.json");

        Assert.All(languages, o => Assert.False(string.IsNullOrEmpty(o.Document!.DetectedLanguage!.Iso6391Name)));
        Assert.All(phrases, o => Assert.NotEmpty(o.Document!.KeyPhrases!));
        var ranked = KeyPhraseRanker.Merge([(100, phrases[0].Document!.KeyPhrases!)]);
        Assert.Equal(1.0, ranked[0].Score);
    }

    [RecordedResponsesFact]
    public async Task Client_RecordedPerDocumentErrors_CarryTheServiceMessages()
    {
        var (_, outcomes) = await ReplayAsync($"{Py}/test_analyze_sentiment.pyTestAnalyzeSentimenttest_document_errors.json");

        var messages = outcomes.Select(o => LanguageApiClient.RejectionMessage(Assert.IsType<ErrorDetail>(o.Error))).ToList();
        Assert.Contains(messages, m => m.Contains("Document text is empty.", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Limit document size to: 5120 text elements", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Error!.Innermost.Code == "UnsupportedLanguageCode");
    }

    [RecordedResponsesFact]
    public async Task Client_RecordedEmptyDocumentAmongOthers_JoinsResultsAndErrorsById()
    {
        var (documents, outcomes) = await ReplayAsync(
            $"{Js}/node/aad_textanalysisclient_analyze_sentimentanalysis/recording_service_returns_an_error_for_an_empty_document.json");

        Assert.Equal(documents.Count, outcomes.Count);
        Assert.Single(outcomes, o => o.Error is not null);
        Assert.Equal("", documents[outcomes.ToList().FindIndex(o => o.Error is not null)].Text);
    }

    [RecordedResponsesFact]
    public async Task Client_Recorded400TooManyDocuments_IsRequestFailedNotRetried()
    {
        await Assert.ThrowsAsync<RequestFailedException>(() => ReplayAsync($"{Py}/test_analyze_sentiment.pyTestAnalyzeSentimenttest_too_many_documents.json"));

        Assert.Single(_stub.Requests);
    }

    [RecordedResponsesFact]
    public async Task Client_Recorded401BadCredentials_IsRequestFailedNotRetried()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => ReplayAsync(
            $"{Py}/test_analyze_sentiment.pyTestAnalyzeSentimenttest_bad_credentials.json", kindOverride: "SentimentAnalysis"));

        Assert.Equal(401, error.Status);
        Assert.Single(_stub.Requests);
    }

    /// <summary>Serves the recorded response for the recorded kind and sends the recorded documents through our client.</summary>
    private async Task<(IReadOnlyList<InputDocument> Documents, IReadOnlyList<DocumentOutcome> Outcomes)> ReplayAsync(string relativePath, string? kindOverride = null)
    {
        var entry = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RecordedResponses.Folder!, relativePath)))!["Entries"]![0]!;
        var requestBody = entry["RequestBody"] is JsonValue v ? JsonNode.Parse(v.GetValue<string>()) : entry["RequestBody"];
        var kind = kindOverride ?? requestBody?["kind"]?.GetValue<string>() ?? "SentimentAnalysis";
        var documents = (requestBody?["analysisInput"]?["documents"] as JsonArray ?? [new JsonObject { ["id"] = "1", ["text"] = "I did not like the hotel." }])
            .Select(d => new InputDocument(d!["id"]!.GetValue<string>(), d["text"]!.GetValue<string>(), d["language"]?.GetValue<string>()))
            .ToList();
        var responseBody = entry["ResponseBody"] is JsonValue body ? body.GetValue<string>() : entry["ResponseBody"]!.ToJsonString();
        _stub.Replay(kind, entry["StatusCode"]!.GetValue<int>(), responseBody);

        var parameters = kind is "KeyPhraseExtraction" or "LanguageDetection"
            ? new TaskParameters()
            : new TaskParameters { StringIndexType = "Utf16CodeUnit", OpinionMining = kind == "SentimentAnalysis" ? true : null };
        var outcomes = await AzureLanguageHarness.Client(_stub).AnalyzeAsync(kind, parameters, documents, CancellationToken.None);
        return (documents, outcomes);
    }
}
