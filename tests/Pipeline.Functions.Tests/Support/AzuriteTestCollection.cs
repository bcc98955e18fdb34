using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Support;

/// <summary>xunit finds collection definitions only in the test assembly itself.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteTestCollection : ICollectionFixture<AzuriteFixture>;
