namespace Pipeline.Storage.Configuration;

/// <summary>The results stores (Storage:Provider). Both pass the same contract suites.</summary>
public enum ResultsStoreProvider
{
    /// <summary>Azure Table storage plus one analysis blob per article: the store on Azure.</summary>
    AzureTables,

    /// <summary>One embedded SQLite file (Storage:Sqlite:Path): the local default, sized for 100,000+ articles.</summary>
    Sqlite,
}
