using Microsoft.Extensions.Options;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>Source-generated validation of <see cref="AzureLanguageOptions"/> (AOT safe).</summary>
[OptionsValidator]
public sealed partial class AzureLanguageOptionsValidator : IValidateOptions<AzureLanguageOptions>;
