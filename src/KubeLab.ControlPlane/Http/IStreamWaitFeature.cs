namespace KubeLab.ControlPlane.Http;

/// <summary>
/// A streaming handler's word to its connection (watch, followed logs): <see cref="Waiting"/> once it has written
/// all it has and waits for the cluster to change, <see cref="Working"/> when it takes up something new. An
/// in-process connection counts its request in the <see cref="DeliveryBacklog"/> until the response ends, except
/// while the handler waits. Connections that do not count (Kestrel) have no such feature.
/// </summary>
public interface IStreamWaitFeature
{
    void Waiting();

    void Working();
}
