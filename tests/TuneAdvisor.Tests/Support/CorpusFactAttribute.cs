
namespace TuneAdvisor.Tests.Support;

/// <summary>A test over ../shared/corpus; skipped with a clear message where this clone has no shared/ beside it.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (RepoPaths.Corpus is null)
            Skip = "../shared/corpus is absent (a fresh clone elsewhere has no shared/); corpus checks not run";
    }
}

/// <summary>The theory form of <see cref="CorpusFactAttribute"/>.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (RepoPaths.Corpus is null)
            Skip = "../shared/corpus is absent (a fresh clone elsewhere has no shared/); corpus checks not run";
    }
}
