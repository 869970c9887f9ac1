namespace LtiCurriculum.Curriculum.Readiness;

/// <summary>
/// RFC 4180 rows: CRLF line ends; a field holding a comma, quote, CR or LF is quoted, its quotes doubled. A field a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading ' first (OWASP CSV injection).
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    public void WriteRow(params ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Field(fields[i]));
        }
        writer.Write("\r\n");
    }

    /// <summary>One field as written: neutralised, then quoted when needed.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
