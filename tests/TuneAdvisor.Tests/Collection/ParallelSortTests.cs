using TuneAdvisor.Sampling;

namespace TuneAdvisor.Tests.Collection;

public sealed class ParallelSortTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1001)]
    [InlineData(40_000)]
    public void TwoHalvesMergedGiveTheStableSequentialOrder(int count)
    {
        // Few distinct keys, so most comparisons are ties that only the position can break.
        var random = new Random(count);
        var keys = Enumerable.Range(0, count).Select(_ => random.Next(50)).ToArray();
        Comparison<int> byKey = (a, b) => keys[a].CompareTo(keys[b]);
        var expected = Enumerable.Range(0, count).OrderBy(i => keys[i]).ToArray(); // LINQ's OrderBy is stable
        Assert.Equal(expected, ParallelSort.Order(count, byKey, threshold: 2));
        Assert.Equal(expected, ParallelSort.Order(count, byKey));
    }
}
