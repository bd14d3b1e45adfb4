using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KubeLab.Site.Operations;

/// <summary>
/// Data Protection's keys, kept in this process only. Without it the key manager writes them under $HOME/.aspnet at
/// start-up (its hosted service loads the key ring even when another provider is used), which a read-only root
/// filesystem refuses. What they protect is of no use beyond this process (see <see cref="OperationsServices"/>).
/// </summary>
internal sealed class InMemoryKeyRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];
    private readonly Lock _sync = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_sync) return _elements.Select(e => new XElement(e)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_sync) _elements.Add(new XElement(element));
    }
}
