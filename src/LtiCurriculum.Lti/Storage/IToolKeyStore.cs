using System.Security.Cryptography;

namespace LtiCurriculum.Lti.Storage;

/// <summary>One of the tool's own RSA keys. Exactly one key is the current signing key.</summary>
public sealed record ToolKey(string KeyId, RSAParameters Parameters, DateTimeOffset CreatedAt, bool IsCurrent);

/// <summary>Implemented by the host: keys are created, stored encrypted and rotated there.</summary>
public interface IToolKeyStore
{
    /// <summary>Every key that must be published (current and those kept for a rotation overlap).</summary>
    ValueTask<IReadOnlyList<ToolKey>> GetPublishedKeysAsync(CancellationToken cancellationToken);
}
