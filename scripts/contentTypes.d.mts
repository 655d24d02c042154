export declare const contentTypes: Readonly<Record<string, string>>;
