
namespace TuneAdvisor.Sampling;

/// <summary>
/// A stable sort of the positions 0..n-1 that uses two CPUs for large inputs: each half is sorted on its own thread,
/// then the halves are merged (ties keep the lower position first). Sorting 100 000 connections is mostly cache
/// misses on the records being compared, so two threads nearly halve it. The result is the same as a sequential sort.
/// </summary>
internal static class ParallelSort
{
    /// <summary>Below this many items one thread sorts alone: the second thread would cost more than it saves.</summary>
    internal const int ParallelThreshold = 32_768;

    /// <summary>The positions ordered by <paramref name="compare"/>, ties by position.</summary>
    public static int[] Order(int count, Comparison<int> compare, int threshold = ParallelThreshold)
    {
        Comparison<int> stable = (a, b) =>
        {
            int c = compare(a, b);
            return c != 0 ? c : a.CompareTo(b);
        };
        var order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;
        if (count < threshold || Environment.ProcessorCount < 2)
        {
            Array.Sort(order, stable);
            return order;
        }

        int half = count / 2;
        Parallel.Invoke(
            () => Array.Sort(order, 0, half, Comparer<int>.Create(stable)),
            () => Array.Sort(order, half, count - half, Comparer<int>.Create(stable)));
        var merged = new int[count];
        int left = 0, right = half, k = 0;
        while (left < half && right < count)
            merged[k++] = stable(order[left], order[right]) <= 0 ? order[left++] : order[right++];
        while (left < half)
            merged[k++] = order[left++];
        while (right < count)
            merged[k++] = order[right++];
        return merged;
    }
}
