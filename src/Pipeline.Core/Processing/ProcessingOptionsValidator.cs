using Microsoft.Extensions.Options;

namespace Pipeline.Core.Processing;

/// <summary>Source-generated validation of the data annotations on <see cref="ProcessingOptions"/> (AOT safe).</summary>
[OptionsValidator]
public sealed partial class ProcessingOptionsValidator : IValidateOptions<ProcessingOptions>;
