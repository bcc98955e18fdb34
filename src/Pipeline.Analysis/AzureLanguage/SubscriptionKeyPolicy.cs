using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>Sets Ocp-Apim-Subscription-Key on every attempt (Azure.Core's AzureKeyCredentialPolicy is internal); reads the key each time so rotation via AzureKeyCredential.Update works.</summary>
internal sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue(LanguageApiClient.KeyHeader, credential.Key);
}
