export declare function openRequestContext(requestId: string): void;
export declare function noteRequestUser(requestId: string, userId: string): void;
export declare function closeRequestContext(requestId: string): { userId?: string };
