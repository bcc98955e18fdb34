using Pipeline.Testing;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>xunit only discovers collection definitions in the test assembly itself.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
