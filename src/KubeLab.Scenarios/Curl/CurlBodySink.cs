using System.Text;
using KubeLab.Scenarios.Clients;

namespace KubeLab.Scenarios.Curl;

/// <summary>
/// Where the response goes: the terminal (stdout) as it arrives, or a file in the working directory once
/// the transfer ends (<c>-o</c>). On a terminal curl refuses binary output (a NUL byte) unless told
/// <c>--output -</c>: it warns and fails with 23.
/// </summary>
internal sealed class CurlBodySink(CurlOptions options, ClientEnvironment environment, CommandOutput output)
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private readonly MemoryStream _file = new();

    private bool ToFile => options.Output is { } file && file != "-";
    private bool ToTerminal => options.Output is null;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        if (ToFile)
        {
            _file.Write(bytes);
            return;
        }
        if (ToTerminal && bytes.Contains((byte)0))
        {
            if (!options.Silent)
                output.Error(CurlMessages.Warning("Binary output can mess up your terminal. Use \"--output -\" to tell curl to output it to your terminal anyway, or consider \"--output <FILE>\" to save to a file."));
            throw new CurlFailure(23, "Failure writing output to destination") { Synthetic = true };
        }
        var chars = new char[_decoder.GetCharCount(bytes, flush: false)];
        _decoder.GetChars(bytes, chars, flush: false);
        output.Out(new string(chars));
    }

    public void Write(string text) => Write(Encoding.UTF8.GetBytes(text));

    /// <summary>Ends the output: the rest of a split character, or the file written.</summary>
    public void Close()
    {
        if (ToFile) environment.WriteFile(options.Output!, Encoding.UTF8.GetString(_file.ToArray()));
        else
        {
            var chars = new char[_decoder.GetCharCount([], flush: true)];
            _decoder.GetChars([], chars, flush: true);
            if (chars.Length > 0) output.Out(new string(chars));
        }
    }
}
