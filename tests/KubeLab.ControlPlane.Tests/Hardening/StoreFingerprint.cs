using System.Security.Cryptography;
using System.Text;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Tests.Hardening;

/// <summary>
/// What a refused request must leave as it was: the store's revision, and every stored object's key and bytes.
/// </summary>
public sealed record StoreFingerprint(long Revision, int Objects, string Hash)
{
    public static StoreFingerprint Of(Cluster cluster)
    {
        lock (cluster.Store.Sync)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var count = 0;
            foreach (var table in Tables(cluster))
                foreach (var stored in cluster.Store.List(table).Items)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(table + "\0" + stored.Key + "\0"));
                    hash.AppendData(stored.Json);
                    count++;
                }
            return new StoreFingerprint(cluster.Store.Revision, count, Convert.ToHexString(hash.GetHashAndReset()));
        }
    }

    /// <summary>
    /// Stored objects are shared with every reader and must never change in place: each one still encodes to
    /// the bytes stored with it. Returns the keys of those that do not.
    /// </summary>
    public static List<string> MutatedInPlace(Cluster cluster)
    {
        lock (cluster.Store.Sync)
            return Tables(cluster)
                .SelectMany(table => cluster.Store.List(table).Items.Select(stored => (table, stored)))
                .Where(e => !KubeJson.Serialize(e.stored.Object, e.stored.Object.GetType()).AsSpan().SequenceEqual(e.stored.Json))
                .Select(e => $"{e.table}/{e.stored.Key}")
                .ToList();
    }

    private static IEnumerable<string> Tables(Cluster cluster) => cluster.Catalog.Resources.Select(r => r.Plural).Distinct().Order(StringComparer.Ordinal);
}
