using System.IO.Enumeration;

namespace TuneAdvisor.IO;

/// <summary>
/// Names in one directory from readdir's entry types alone (no stat per entry on /proc and /sys), and an empty list
/// instead of an exception when the directory is missing or vanishes while being read (an interface deleted mid-scan).
/// </summary>
public static class DirectoryListing
{
    public static List<string> Names(string dir, bool directories)
    {
        try
        {
            return [.. new FileSystemEnumerable<string>(dir, (ref FileSystemEntry e) => e.FileName.ToString(), new EnumerationOptions { AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = directories ? (ref FileSystemEntry e) => e.IsDirectory : (ref FileSystemEntry e) => !e.IsDirectory,
            }];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
