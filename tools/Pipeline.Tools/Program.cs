using Pipeline.Tools;

// Decoder experiments: PIPELINE_NER_BEAM=1 is greedy decoding.
if (int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_NER_BEAM"), out var beam))
{
    Pipeline.Analysis.Local.Ner.NerTagger.Default.BeamWidth = beam;
}

if (float.TryParse(Environment.GetEnvironmentVariable("PIPELINE_NER_BEAM_T"), System.Globalization.CultureInfo.InvariantCulture, out var beamT))
{
    Pipeline.Analysis.Local.Ner.NerTagger.Default.BeamTemperature = beamT;
}

// Tag-repair experiments: PIPELINE_NER_REPAIR=mask of TagRepair.Rules (0 = raw decoder output).
if (int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_NER_REPAIR"), out var repair))
{
    NerEvaluation.Repairs = (Pipeline.Analysis.Local.Ner.TagRepair.Rules)repair;
    Pipeline.Analysis.Local.Ner.NerTagger.Default.Repairs = NerEvaluation.Repairs.Value;
}

// Held-out experiments: PIPELINE_NER_MODEL=file scores another model file (e.g. one trained without a quarter).
if (Environment.GetEnvironmentVariable("PIPELINE_NER_MODEL") is { Length: > 0 } modelFile)
{
    NerEvaluation.UseModel(modelFile);
}

// Commands: eval FILE... | train-ner [options] | train-sentiment [options] | tag-ner FILE | entities [--profile] FILE | profile-analyzer [--whole | --stages A,B] FILE | dump-analysis OUT [--split] FILE... | embeddings-nearest WORD... | embeddings-clusters [options] | build-word-classes [options] | induce-valence [options]
return args switch
{
    ["eval", .. var files] when files.Length > 0 => Evaluator.Run(files),
    ["eval-extraction", .. var rest] => Pipeline.Tools.Extraction.ExtractionEvaluation.Run(rest),
    ["train-ner", .. var rest] => NerTraining.Run(rest),
    ["tag-ner", var file] => NerEvaluation.WriteTagged(file),
    ["calibrate-ner", var file] => NerEvaluation.Calibrate(file),
    ["entities", var file] => NerEvaluation.WriteEntities(file),
    ["entities", "--profile", var file] => NerEvaluation.WriteEntities(file, profile: true),
    ["dump-analysis", .. var rest] => AnalysisDump.Run(rest),
    ["profile-analyzer", var file] => AnalyzerProfile.Run(file),
    ["profile-analyzer", "--whole", var file] => AnalyzerProfile.Run(file, wholeOnly: true),
    ["profile-analyzer", "--stages", var stages, var file] => AnalyzerProfile.Run(file, stages: stages),
    ["train-sentiment", .. var rest] => SentimentTraining.Run(rest),
    ["profile-word-classes", .. var rest] => Pipeline.Tools.Embeddings.WordClassProfile.Run(rest),
    ["build-word-classes", .. var rest] => Pipeline.Tools.Embeddings.WordClassBuilder.Run(rest),
    ["embeddings-nearest", .. var words] => Pipeline.Tools.Embeddings.NearestWords.Run(words),
    ["induce-valence", .. var rest] => Pipeline.Tools.Embeddings.ValenceInduction.Run(rest),
    ["target-net-cv", .. var rest] => Pipeline.Tools.TargetNet.TargetNetExperiment.Run(rest),
    ["embeddings-clusters", .. var rest] => Pipeline.Tools.Embeddings.EmbeddingClusters.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Pipeline.Tools eval FILE... | train-ner [options] | train-sentiment [options]");
    return 2;
}
