using Hotspot.Tenancy.Entities;

namespace Hotspot.Drivers;

/// <summary>Makes the controller for a stored router of one kind (<see cref="Tenancy.RouterKinds"/>); one per kind is registered.</summary>
public interface IRouterDriver
{
    string Kind { get; }

    /// <exception cref="ControllerException">The router's stored settings cannot describe a connection.</exception>
    IGuestAccessController Create(RouterEntity router);
}
