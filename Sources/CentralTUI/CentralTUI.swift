// CentralTUI module.
