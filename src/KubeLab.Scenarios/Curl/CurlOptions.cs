namespace KubeLab.Scenarios.Curl;

/// <summary>A curl command line, understood: what to send where, how to trust the server, what to print.</summary>
internal sealed record CurlOptions
{
    public List<string> Urls { get; } = [];
    public string? Method { get; set; }
    /// <summary><c>-H</c> values in the order given.</summary>
    public List<string> Headers { get; } = [];
    /// <summary><c>-d</c>, <c>--data-binary</c> and <c>--data-raw</c> values in the order given, joined with '&amp;' when sent.</summary>
    public List<(CurlOption Kind, string Value)> Data { get; } = [];
    public string? Output { get; set; }
    public string? WriteOut { get; set; }
    public string? CaCert { get; set; }
    public string? Cert { get; set; }
    public string? Key { get; set; }
    public bool Insecure { get; set; }
    public bool Verbose { get; set; }
    public bool Silent { get; set; }
    public bool ShowError { get; set; }
    public bool Include { get; set; }
    public bool Http11 { get; set; }

    /// <summary>Error messages are printed unless <c>-s</c> without <c>-S</c>.</summary>
    public bool ShowErrors => !Silent || ShowError;
}
