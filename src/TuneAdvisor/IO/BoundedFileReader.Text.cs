using System.Text;
using TuneAdvisor.IO.Native;

namespace TuneAdvisor.IO;

/// <summary>
/// Large files as text without a copy of their bytes beside the string: the first pass reads the file in 1 MiB
/// pieces only to count its characters (and to enforce the cap on bytes actually read), the second reads it again
/// into a string of exactly that length. A 60 MB capture then peaks at its string (120 MB) instead of string and
/// bytes (180 MB). If the file changed between the passes, the caller falls back to reading it whole.
/// </summary>
public sealed unsafe partial class BoundedFileReader
{
    /// <summary>Regular files from this size on are decoded in two passes.</summary>
    private const long TwoPassBytes = 4 * 1024 * 1024;

    private const int Piece = 1024 * 1024;

    /// <returns>The status with <paramref name="text"/> set, or null when the caller should read the file the plain way.</returns>
    private ReadStatus? TryDecodeInTwoPasses(int fd, out string? text)
    {
        text = null;
        var piece = new byte[Piece];
        var decoder = Encoding.UTF8.GetDecoder();
        long bytes = 0, chars = 0;
        fixed (byte* p = piece)
        {
            while (true)
            {
                int n = ReadFully(fd, p, Piece, out int errno);
                if (n < 0)
                    return Fail(errno);
                if (n == 0)
                    break;
                bytes += n;
                if (bytes > Limits.MaxBytes)
                    return Fail(0, ReadStatus.TooLarge);
                chars += decoder.GetCharCount(piece, 0, n, flush: false);
            }
            chars += decoder.GetCharCount([], 0, 0, flush: true);
        }
        if (chars > Array.MaxLength)
            return Fail(0, ReadStatus.TooLarge);
        if (LibC.Lseek(fd, 0, LibC.SEEK_SET) != 0)
            return Fail(LibC.LastError);
        decoder.Reset();
        bool same = true;
        var result = string.Create((int)chars, (fd, piece, decoder, bytes), (span, state) =>
        {
            long read = 0;
            int at = 0;
            fixed (byte* p = state.piece)
            {
                while (true)
                {
                    int n = ReadFully(state.fd, p, Piece, out _);
                    if (n <= 0)
                        break;
                    read += n;
                    if (read > state.bytes)
                    {
                        same = false;
                        return;
                    }
                    try
                    {
                        at += state.decoder.GetChars(state.piece.AsSpan(0, n), span[at..], flush: false);
                    }
                    catch (ArgumentException)
                    {
                        same = false;   // more characters than counted: the file changed
                        return;
                    }
                }
            }
            try
            {
                at += state.decoder.GetChars([], span[at..], flush: true);
            }
            catch (ArgumentException)
            {
                same = false;
                return;
            }
            same = read == state.bytes && at == span.Length;
        });
        if (!same)
        {
            // The file changed under us: read it again the plain way.
            if (LibC.Lseek(fd, 0, LibC.SEEK_SET) != 0)
                return Fail(LibC.LastError);
            return null;
        }
        LastErrno = 0;
        text = result;
        return ReadStatus.Ok;
    }
}
