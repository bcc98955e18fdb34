using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>xunit only discovers collection definitions in the test assembly itself.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
