namespace LtiCurriculum.Web.Hosting;

/// <summary>A setting is wrong; the message names the key and the fix. The host prints it and exits with code 1.</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
