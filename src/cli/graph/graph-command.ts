export const GRAPH_USAGE='';export function runGraph(_a: string[], _i: any): number {return 0;}
