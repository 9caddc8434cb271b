// Data module.
