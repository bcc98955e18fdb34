using Microsoft.Extensions.Options;

namespace Pipeline.Storage.Sqlite;

/// <summary>Source-generated checks of the data annotations on <see cref="SqliteStorageOptions"/>.</summary>
[OptionsValidator]
public sealed partial class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>;
